import { AuditPage } from './audit-page.js';
import { CodesPage } from './codes-page.js';
import { FunnelPage } from './funnel-page.js';
import { OrdersPage } from './orders-page.js';
import { PreviewPage } from './preview-page.js';
import { PromotionEditor } from './promotion-editor.js';
import { PromotionsPage } from './promotions-page.js';
import { PublishPage } from './publish-page.js';
import { ReviewInvitationsPage } from './review-invitations-page.js';
import { ReviewsPage } from './reviews-page.js';
import type { ConsoleRoute } from './route.js';
import { UsersPage } from './users-page.js';
import { VersionsPage } from './versions-page.js';

/** The page for a route; each remounts when the route changes, so its heading takes focus. */
export function Pages({ route }: { route: ConsoleRoute }) {
  switch (route.page) {
    case 'promotions':
      return <PromotionsPage key="promotions" />;
    case 'new-promotion':
      return <PromotionEditor key="new" id={null} />;
    case 'edit-promotion':
      return <PromotionEditor key={`edit:${route.id}`} id={route.id} />;
    case 'codes':
      return <CodesPage key={`codes:${route.id}`} id={route.id} />;
    case 'preview':
      return <PreviewPage key="preview" />;
    case 'publish':
      return <PublishPage key="publish" />;
    case 'versions':
      return <VersionsPage key="versions" />;
    case 'orders':
      return <OrdersPage key="orders" />;
    case 'funnel':
      return <FunnelPage key="funnel" />;
    case 'reviews':
      return <ReviewsPage key="reviews" />;
    case 'review-invitations':
      return <ReviewInvitationsPage key="review-invitations" />;
    case 'audit':
      return <AuditPage key="audit" />;
    case 'users':
      return <UsersPage key="users" />;
  }
}
