import type { PaymentFlag } from '../src/store/types.js';
import { useConsole } from './console-context.js';
import { LoadedView, PageTitle, useMoney, useTime, Table } from './ui.js';
import { useLoad } from './use-load.js';

interface OrderRow {
  transactionId: string;
  amount: number;
  currency: string;
  /** The ids of the promotions the order took. */
  promotions: string[];
  createdAt: number;
}

function Orders({ orders }: { orders: OrderRow[] }) {
  const { t } = useConsole();
  const money = useMoney();
  const time = useTime();
  if (orders.length === 0) return <p>{t('noOrders')}</p>;
  return (
    <Table columns={[t('when'), t('order'), t('amountPaid'), t('promotionsUsed')]}>
      {orders.map((order) => (
        <tr key={order.transactionId}>
          <td>{time(order.createdAt)}</td>
          <td class="code">{order.transactionId}</td>
          <td class="number">{money(order.amount, order.currency)}</td>
          <td>{order.promotions.join(', ') || t('empty')}</td>
        </tr>
      ))}
    </Table>
  );
}

function Flags({ flags }: { flags: PaymentFlag[] }) {
  const { t } = useConsole();
  const money = useMoney();
  const time = useTime();
  if (flags.length === 0) return <p>{t('noFlags')}</p>;
  return (
    <Table columns={[t('when'), t('order'), t('expected'), t('received'), t('reason')]}>
      {flags.map((flag) => (
        <tr key={flag.paymentIntentId}>
          <td>{time(flag.createdAt)}</td>
          <td class="code">{flag.paymentIntentId}</td>
          <td class="number">{flag.expectedAmount === null || !flag.expectedCurrency ? t('empty') : money(flag.expectedAmount, flag.expectedCurrency)}</td>
          <td class="number">{money(flag.receivedAmount, flag.receivedCurrency)}</td>
          <td>{flag.reason}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Recent orders with the promotions each took, and the flagged payments: what promotions really cost. Read only. */
export function OrdersPage() {
  const { t, api } = useConsole();
  const orders = useLoad(() => api.get<{ orders: OrderRow[] }>('/orders'), []);
  const flags = useLoad(() => api.get<{ flags: PaymentFlag[] }>('/payment-flags'), []);
  return (
    <section>
      <PageTitle>{t('ordersTitle')}</PageTitle>
      <LoadedView loaded={orders}>{(data) => <Orders orders={data.orders} />}</LoadedView>
      <h2>{t('flagsTitle')}</h2>
      <LoadedView loaded={flags}>{(data) => <Flags flags={data.flags} />}</LoadedView>
    </section>
  );
}
