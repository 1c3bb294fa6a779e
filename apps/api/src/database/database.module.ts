import { Global, Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service';
import { PrismaService } from './prisma.service';
import { Transactions } from './transactions';

@Global()
@Module({ providers: [PrismaService, NotificationsService, Transactions], exports: [PrismaService, NotificationsService, Transactions] })
export class DatabaseModule {}
