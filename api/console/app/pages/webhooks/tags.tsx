// The small state words of webhooks and their deliveries.
import type { WebhookDelivery } from '@shared/contract';

export const ActiveTag = ({ active }: { active: boolean }) => <span class={`tag${active ? ' ok' : ''}`}>{active ? 'On' : 'Off'}</span>;

const statusWords: Record<WebhookDelivery['status'], { label: string; tone: string }> = {
  delivered: { label: 'Delivered', tone: 'ok' },
  pending: { label: 'Pending', tone: 'open' },
  failed: { label: 'Failed', tone: 'failed' },
};

export const StatusTag = ({ status }: { status: WebhookDelivery['status'] }) => <span class={`tag ${statusWords[status].tone}`}>{statusWords[status].label}</span>;
