import { ReqContext } from './request';
export type ApiReqContext = ReqContext;
