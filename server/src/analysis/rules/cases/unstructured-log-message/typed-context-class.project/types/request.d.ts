import type { ReqContextClass } from '../src/services/context';
export type ReqContext = ReqContextClass;
