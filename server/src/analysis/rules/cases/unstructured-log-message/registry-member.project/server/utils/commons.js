exports.log = (msg, type) => {
  let f;
  switch (type) {
    case 'error':
      f = console.error;
      break;
    default:
      f = console.log;
      break;
  }
  f(type + ':', msg);
};
