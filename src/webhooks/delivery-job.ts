/** The queue whose jobs are delivery attempts. */
export const DELIVERY_QUEUE = 'webhook-delivery';

/** One attempt at one delivery; `attempt` (1-based) makes a job run twice a no-op the second time. */
export interface DeliveryJob {
  deliveryId: string;
  attempt: number;
}
