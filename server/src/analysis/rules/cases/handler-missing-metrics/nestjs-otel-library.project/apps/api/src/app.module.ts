import { Module } from '@nestjs/common';
import { LoggerModule, TracingModule } from '@acme/shared';
import { UsersController } from './users.controller';

@Module({ imports: [TracingModule.register('api'), LoggerModule.forRoot()], controllers: [UsersController] })
export class AppModule {}
