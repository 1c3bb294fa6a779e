import { Global, Module } from '@nestjs/common';
import { LocalStateStore } from './local-state';
import { MaintenanceRepository } from './maintenance.repository';
import { NotificationsService } from './notifications.service';
import { PrismaService } from './prisma.service';
import { Transactions } from './transactions';

@Global()
@Module({
  providers: [PrismaService, NotificationsService, Transactions, MaintenanceRepository, LocalStateStore],
  exports: [PrismaService, NotificationsService, Transactions, MaintenanceRepository, LocalStateStore],
})
export class DatabaseModule {}
