// @case library=nestjs path=src/users/users.service.ts
import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  find(id: string) {
    this.logger.log('finding user');
    console.warn('user missing', id);
    this.logger.log('found');
  }
}
