import { localizedName } from '@cartlift/core';
import type { EvaluateResult, PromotionName } from '@cartlift/core/contract';
import { describeReason, promotionName } from '@cartlift/discounts';
import { useState } from 'preact/hooks';
import { useConsole } from './console-context.js';
import { CheckField, ErrorNotice, LoadedView, PageTitle, SelectField, TextField, useMoney } from './ui.js';
import { useLoad } from './use-load.js';

interface CatalogProduct {
  sku: string;
  name: PromotionName;
  price: number;
  currency: string;
}

interface PreviewLine {
  sku: string;
  quantity: string;
}

const listOf = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);

function ResultColumn({ title, result }: { title: string; result: EvaluateResult }) {
  const { t, locale } = useConsole();
  const money = useMoney();
  const amount = (value: number) => money(value, result.currency);
  return (
    <section class="result" aria-label={title}>
      <h2>{title}</h2>
      <dl>
        <dt>{t('subtotal')}</dt>
        <dd>{amount(result.subtotal)}</dd>
        <dt>{t('discount')}</dt>
        <dd>−{amount(result.discountTotal + result.shippingDiscount)}</dd>
        <dt>{t('shipping')}</dt>
        <dd>{amount(result.shippingTotal)}</dd>
        <dt>{t('total')}</dt>
        <dd class="total">{amount(result.total)}</dd>
      </dl>
      <h3>{t('applied')}</h3>
      <ul>
        {result.applied.length === 0 && <li>{t('none')}</li>}
        {result.applied.map((applied) => (
          <li key={applied.promotionId}>
            {promotionName(applied.name, locale, result.currency)}: −{amount(applied.amount)}
          </li>
        ))}
      </ul>
      <h3>{t('notApplied')}</h3>
      <ul>
        {result.notApplied.length === 0 && <li>{t('none')}</li>}
        {result.notApplied.map((entry) => (
          <li key={`${entry.promotionId}:${entry.code ?? ''}`}>{describeReason(entry, locale, result.currency)}</li>
        ))}
      </ul>
    </section>
  );
}

function LineInputs({ lines, setLines, products }: { lines: PreviewLine[]; setLines(lines: PreviewLine[]): void; products: CatalogProduct[] }) {
  const { t, locale } = useConsole();
  const money = useMoney();
  const set = (index: number, patch: Partial<PreviewLine>) => setLines(lines.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  const options = products.map((product) => ({
    value: product.sku,
    label: `${localizedName(product.name, locale)} (${product.sku}, ${money(product.price, product.currency)})`,
  }));
  return (
    <fieldset>
      <legend>{t('product')}</legend>
      {lines.map((line, index) => (
        <div class="tier" key={index}>
          {options.length ? (
            <SelectField field={`lines[${index}].sku`} label={t('product')} value={line.sku} options={options} onValue={(sku) => set(index, { sku })} />
          ) : (
            <TextField field={`lines[${index}].sku`} label="SKU" value={line.sku} onValue={(sku) => set(index, { sku })} />
          )}
          <TextField
            field={`lines[${index}].quantity`}
            label={t('quantity')}
            inputMode="numeric"
            value={line.quantity}
            onValue={(quantity) => set(index, { quantity })}
          />
          {lines.length > 1 && (
            <button type="button" onClick={() => setLines(lines.filter((_, at) => at !== index))}>
              {t('removeLine', { n: index + 1 })}
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => setLines([...lines, { sku: products[0]?.sku ?? '', quantity: '1' }])}>
        {t('addLine')}
      </button>
    </fieldset>
  );
}

function PreviewForm({ products }: { products: CatalogProduct[] }) {
  const { t, api } = useConsole();
  const [lines, setLines] = useState<PreviewLine[]>([{ sku: products[0]?.sku ?? '', quantity: '1' }]);
  const [firstPurchase, setFirstPurchase] = useState(false);
  const [segment, setSegment] = useState('');
  const [codes, setCodes] = useState('');
  const [result, setResult] = useState<{ live: EvaluateResult; draft: EvaluateResult } | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function preview(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const body = {
        lines: lines.map((line) => ({ sku: line.sku.trim(), quantity: Number(line.quantity) })),
        codes: listOf(codes),
        firstPurchase,
        segments: listOf(segment),
      };
      setResult(await api.send('POST', '/promotions/preview', body));
    } catch (caught) {
      setResult(null);
      setError(caught);
    }
  }
  return (
    <>
      <form onSubmit={preview} class="preview-form">
        <LineInputs lines={lines} setLines={setLines} products={products} />
        <CheckField field="firstPurchase" label={t('firstPurchase')} checked={firstPurchase} onChecked={setFirstPurchase} />
        <div class="pair">
          <TextField field="segments" label={t('segment')} value={segment} onValue={setSegment} />
          <TextField field="codes" label={t('codesEntered')} value={codes} onValue={setCodes} />
        </div>
        <button type="submit" class="primary">
          {t('runPreview')}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
      <div class="results" aria-live="polite">
        {result && (
          <>
            <ResultColumn title={t('live')} result={result.live} />
            <ResultColumn title={t('draft')} result={result.draft} />
          </>
        )}
      </div>
    </>
  );
}

/** Preview on a cart: the live promotions and the saved draft price the same made-up cart, with the engine's reasons. */
export function PreviewPage() {
  const { t, api } = useConsole();
  const catalog = useLoad(() => api.get<{ products: CatalogProduct[] }>('/catalog'), []);
  return (
    <section>
      <PageTitle>{t('previewTitle')}</PageTitle>
      <p>{t('previewHelp')}</p>
      <LoadedView loaded={catalog}>{(data) => <PreviewForm products={data.products} />}</LoadedView>
    </section>
  );
}
