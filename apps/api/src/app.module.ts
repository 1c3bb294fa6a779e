import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { BackgroundJobsModule } from './common/background-jobs';
import { ErrorFilter } from './common/error.filter';
import { QuietRequestLog } from './common/quiet-request-log';
import { RequestLog } from './common/request-log';
import { APP_CONFIG, type AppConfig } from './config/config';
import { DatabaseModule } from './database/database.module';
import { LifecycleService } from './lifecycle.service';
import { MailModule } from './modules/mail/mail.module';
import { UsersModule } from './modules/users/users.module';
import { ActivityModule } from './modules/activity/activity.module';
import { DiscoveryModule } from './modules/discovery/discovery.module';
import { ApiClientsModule } from './modules/api-clients/api-clients.module';
import { AuditModule } from './modules/audit/audit.module';
import { AccessGuard } from './modules/auth/access.guard';
import { AuthModule } from './modules/auth/auth.module';
import { BootstrapModule } from './modules/bootstrap/bootstrap.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { DecisionsModule } from './modules/decisions/decisions.module';
import { DetectorsModule } from './modules/detectors/detectors.module';
import { ExceptionsModule } from './modules/exceptions/exceptions.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { HealthModule } from './modules/health/health.module';
import { IncidentsModule } from './modules/incidents/incidents.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { PolicyModule } from './modules/policy/policy.module';
import { PortalModule } from './modules/portal/portal.module';
import { ScimModule } from './modules/scim/scim.module';
import { SecretsModule } from './modules/secrets/secrets.module';
import { SettingsModule } from './modules/settings/settings.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { GatewayModule } from './modules/gateway/gateway.module';
import { NetworkModule } from './modules/network/network.module';
import { IcapModule } from './modules/icap/icap.module';
import { OpenApiModule } from './openapi/openapi.module';
import { SiemModule } from './modules/siem/siem.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ScheduleModule.forRoot(),
        BackgroundJobsModule,
        DatabaseModule,
        SecretsModule,
        MetricsModule,
        HealthModule,
        AuditModule,
        AuthModule,
        ApiClientsModule,
        PolicyModule,
        DecisionsModule,
        ExceptionsModule,
        CatalogModule,
        BootstrapModule,
        DirectoryModule,
        DetectorsModule,
        SettingsModule,
        DashboardModule,
        ActivityModule,
        DiscoveryModule,
        PortalModule,
        MailModule,
        UsersModule,
        WebhooksModule,
        IncidentsModule,
        ScimModule,
        GatewayModule,
        NetworkModule,
        IcapModule,
        SiemModule,
        OpenApiModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        LifecycleService,
        QuietRequestLog,
        RequestLog,
      ],
      exports: [APP_CONFIG],
    };
  }
}
