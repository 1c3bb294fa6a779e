import { Global, Module } from '@nestjs/common';
import { MaintenanceRepository } from './maintenance.repository';
import { NotificationsService } from './notifications.service';
import { PrismaService } from './prisma.service';
import { Transactions } from './transactions';

@Global()
@Module({
  providers: [PrismaService, NotificationsService, Transactions, MaintenanceRepository],
  exports: [PrismaService, NotificationsService, Transactions, MaintenanceRepository],
})
export class DatabaseModule {}
