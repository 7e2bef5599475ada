import { useConsole } from './console-context.js';
import { type PromotionForm, RULE_KINDS, type RuleKind, type Target, TARGETS } from './promotion-form.js';
import type { TextKey } from './text.js';
import { CheckField, SelectField, TextField } from './ui.js';

/** What the editor gives each group of inputs: the form, a way to change it, and the error of a field. */
export interface FormBinding {
  form: PromotionForm;
  update(patch: Partial<PromotionForm>): void;
  errorAt(...fields: string[]): string | undefined;
}

/** Text inputs bound to form keys: the same markup for every plain field. */
export function useInputs({ form, update, errorAt }: FormBinding) {
  const { t } = useConsole();
  const moneySuffix = ` (${form.currency || '?'})`;
  return {
    /** `alsoAt`: paths whose errors also belong here (the whole "name" when it is missing). */
    text: (key: keyof PromotionForm, field: string, label: TextKey, kind: 'text' | 'money' | 'number' = 'text', ...alsoAt: string[]) => (
      <TextField
        field={field}
        label={`${t(label)}${kind === 'money' ? moneySuffix : ''}`}
        value={form[key] as string}
        inputMode={kind === 'money' ? 'decimal' : kind === 'number' ? 'numeric' : undefined}
        error={errorAt(field, ...alsoAt)}
        onValue={(value) => update({ [key]: value })}
      />
    ),
    check: (key: keyof PromotionForm, field: string, label: TextKey) => (
      <CheckField field={field} label={t(label)} checked={form[key] as boolean} error={errorAt(field)} onChecked={(checked) => update({ [key]: checked })} />
    ),
  };
}

function TargetInputs({ binding, allowShipping }: { binding: FormBinding; allowShipping: boolean }) {
  const { t } = useConsole();
  const { form, update, errorAt } = binding;
  const inputs = useInputs(binding);
  const targets = TARGETS.filter((target) => allowShipping || target !== 'shipping');
  return (
    <>
      <SelectField
        field="rule.appliesTo"
        label={t('appliesTo')}
        value={targets.includes(form.target) ? form.target : 'order'}
        options={targets.map((target) => ({ value: target, label: t(`target_${target}`) }))}
        error={errorAt('rule.appliesTo')}
        onValue={(target) => update({ target: target as Target })}
      />
      {form.target === 'items' && (
        <div class="pair">
          {inputs.text('skus', 'rule.appliesTo.skus', 'skus')}
          {inputs.text('tags', 'rule.appliesTo.tags', 'tags')}
        </div>
      )}
    </>
  );
}

function TierInputs({ binding }: { binding: FormBinding }) {
  const { t } = useConsole();
  const { form, update, errorAt } = binding;
  const setTier = (index: number, patch: Partial<PromotionForm['tiers'][number]>) =>
    update({ tiers: form.tiers.map((tier, at) => (at === index ? { ...tier, ...patch } : tier)) });
  return (
    <fieldset class="tiers">
      <legend>{t('tiers')}</legend>
      {errorAt('rule.tiers') && <p class="field-error">{errorAt('rule.tiers')}</p>}
      {form.tiers.map((tier, index) => (
        <div class="tier" key={index}>
          <TextField
            field={`rule.tiers[${index}].spend`}
            label={`${t('tierSpend')} (${form.currency})`}
            inputMode="decimal"
            value={tier.spend}
            error={errorAt(`rule.tiers[${index}].spend`)}
            onValue={(spend) => setTier(index, { spend })}
          />
          <TextField
            field={`rule.tiers[${index}].amount`}
            label={`${t('tierAmount')} (${form.currency})`}
            inputMode="decimal"
            value={tier.amount}
            error={errorAt(`rule.tiers[${index}].amount`, `rule.tiers[${index}]`)}
            onValue={(amount) => setTier(index, { amount })}
          />
          <TextField
            field={`rule.tiers[${index}].percent`}
            label={t('tierPercent')}
            inputMode="decimal"
            value={tier.percent}
            error={errorAt(`rule.tiers[${index}].percent`)}
            onValue={(percent) => setTier(index, { percent })}
          />
          {form.tiers.length > 1 && (
            <button type="button" onClick={() => update({ tiers: form.tiers.filter((_, at) => at !== index) })}>
              {t('removeTier', { n: index + 1 })}
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => update({ tiers: [...form.tiers, { spend: '', amount: '', percent: '' }] })}>
        {t('addTier')}
      </button>
    </fieldset>
  );
}

function BuyGetInputs({ binding }: { binding: FormBinding }) {
  const inputs = useInputs(binding);
  return (
    <>
      <div class="pair">
        {inputs.text('buyQuantity', 'rule.buy.quantity', 'buyQuantity', 'number')}
        {inputs.text('getQuantity', 'rule.get.quantity', 'getQuantity', 'number')}
      </div>
      <div class="pair">
        {inputs.text('buySkus', 'rule.buy.skus', 'buySkus')}
        {inputs.text('buyTags', 'rule.buy.tags', 'buyTags')}
      </div>
      <div class="pair">
        {inputs.text('getSkus', 'rule.get.skus', 'getSkus')}
        {inputs.text('getTags', 'rule.get.tags', 'getTags')}
      </div>
      <div class="pair">
        {inputs.text('getPercent', 'rule.get.percent', 'getPercent', 'number')}
        {inputs.text('maxApplications', 'rule.maxApplications', 'maxApplications', 'number')}
      </div>
    </>
  );
}

function KindInputs({ binding }: { binding: FormBinding }) {
  const inputs = useInputs(binding);
  const { form } = binding;
  switch (form.kind) {
    case 'percent_off':
      return (
        <>
          <div class="pair">
            {inputs.text('percent', 'rule.percent', 'percent', 'number')}
            {inputs.text('maxDiscount', 'rule.maxDiscount', 'maxDiscount', 'money')}
          </div>
          <TargetInputs binding={binding} allowShipping />
        </>
      );
    case 'amount_off':
      return (
        <>
          {inputs.text('amount', 'rule.amount', 'amount', 'money')}
          <TargetInputs binding={binding} allowShipping />
          {form.target === 'items' && inputs.check('perItem', 'rule.perItem', 'perItem')}
        </>
      );
    case 'tiered':
      return (
        <>
          <TierInputs binding={binding} />
          <TargetInputs binding={binding} allowShipping={false} />
        </>
      );
    case 'every':
      return (
        <>
          <div class="pair">
            {inputs.text('every', 'rule.every', 'every', 'money')}
            {inputs.text('amount', 'rule.amount', 'amount', 'money')}
          </div>
          {inputs.text('maxDiscount', 'rule.maxDiscount', 'maxDiscount', 'money')}
          <TargetInputs binding={binding} allowShipping={false} />
        </>
      );
    case 'buy_x_get_y':
      return <BuyGetInputs binding={binding} />;
    case 'free_shipping':
      return null;
  }
}

/**
 * The discount section: the rule type, then the inputs that type needs, with
 * amounts in the promotion's currency.
 */
export function RuleInputs({ binding }: { binding: FormBinding }) {
  const { t } = useConsole();
  const { form, update, errorAt } = binding;
  const inputs = useInputs(binding);
  return (
    <fieldset>
      <legend>{t('sectionDiscount')}</legend>
      <div class="pair">
        <SelectField
          field="rule.type"
          label={t('ruleType')}
          value={form.kind}
          options={RULE_KINDS.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
          error={errorAt('rule.type', 'rule')}
          onValue={(kind) => update({ kind: kind as RuleKind })}
        />
        {inputs.text('currency', 'currency', 'currency')}
      </div>
      <KindInputs binding={binding} />
    </fieldset>
  );
}
