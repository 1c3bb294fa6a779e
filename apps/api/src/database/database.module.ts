import { Global, Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service';
import { PrismaService } from './prisma.service';

@Global()
@Module({ providers: [PrismaService, NotificationsService], exports: [PrismaService, NotificationsService] })
export class DatabaseModule {}
