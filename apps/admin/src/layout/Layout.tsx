import type { ReactNode } from 'react';
import { Layout as RaLayout, usePermissions } from 'react-admin';
import { Navigate, useLocation } from 'react-router-dom';
import { isPortalOnly } from '../auth/permissions';
import { currentMe, hasSessionHint } from '../auth/session';
import { StepUpDialog } from '../auth/StepUpDialog';
import { AppBar } from './AppBar';
import { AdminMenu, PortalMenu } from './Menu';

/**
 * Staff get the console; employees (only 'portal') their own, shorter layout and menu. Without any
 * session the layout sends straight to the sign-in page and renders nothing that would ask the API
 * (react-admin's own check-then-log-out cycle can otherwise spin while the redirect is pending).
 */
export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { permissions, isPending } = usePermissions<string[]>();
  if (!currentMe() && !hasSessionHint()) {
    return <Navigate to="/login" replace state={{ nextPathname: location.pathname, nextSearch: location.search }} />;
  }
  // A role that requires a second factor: nothing else until one is set up (the API refuses the rest).
  if (currentMe()?.mfa?.enrolmentRequired && location.pathname !== '/account/security') {
    return <Navigate to="/account/security" replace />;
  }
  const portal = !isPending && isPortalOnly(permissions);
  return (
    <RaLayout appBar={AppBar} menu={portal ? PortalMenu : AdminMenu}>
      {children}
      <StepUpDialog />
    </RaLayout>
  );
}
