import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PublicUrlGuard } from '../webhooks/webhook-url-guard';

/**
 * The webhooks' SSRF rules for gateway upstreams: public unicast addresses only, unless
 * AIRLOCK_GATEWAY_ALLOW_PRIVATE lists the host or a CIDR (a model server on the LAN; loopback in tests).
 */
@Injectable()
export class GatewayUrlGuard extends PublicUrlGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config.gatewayAllowPrivate, 'AIRLOCK_GATEWAY_ALLOW_PRIVATE', 'gateway upstreams');
  }
}
