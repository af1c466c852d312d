// Seeds a local database for development. A script run by hand: console output is its interface.
const users = [
  { id: 'u1', email: 'ada@example.com' },
  { id: 'u2', email: 'grace@example.com' },
];

for (const user of users) {
  console.log(`seeding ${user.email}`);
}
console.log('done: %d users', users.length);
