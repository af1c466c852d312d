export const REQUEST_TIME = 'request_time';
export const REQUEST_SEEN = 'request_seen';
