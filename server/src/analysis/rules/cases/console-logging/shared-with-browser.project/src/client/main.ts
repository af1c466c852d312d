import { formatQuery } from '../shared/query';

document.getElementById('app')!.textContent = formatQuery('is:fav');
