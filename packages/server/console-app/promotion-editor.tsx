import { isCurrency } from '@cartlift/core';
import { promotionName } from '@cartlift/discounts';
import { useMemo, useState } from 'preact/hooks';
import { ConsoleApiError } from './api.js';
import { can, useConsole } from './console-context.js';
import { type Overview, useOverview } from './overview.js';
import { checkPromotion } from './promotion-check.js';
import {
  blankForm,
  CODE_MODES,
  type CodeMode,
  defaultCombining,
  type FieldProblem,
  formOf,
  type PromotionForm,
  promotionOf,
  THRESHOLD_BASES,
} from './promotion-form.js';
import { type FormBinding, RuleInputs, useInputs } from './rule-inputs.js';
import { ErrorNotice, fieldId, LoadedView, messageOf, PageTitle, SelectField } from './ui.js';

const COMBINING_KEYS = ['combinesProduct', 'combinesOrder', 'combinesShipping'];

/** The problems to show: what couldn't be read, then the engine's sentences for the fields that could. */
function problemsOf(form: PromotionForm, overview: Overview, editingId: string | null) {
  const { promotion, problems: unreadable } = promotionOf(form);
  const { config, problems } = checkPromotion(overview.draft.config, promotion, editingId);
  const unreadableFields = new Set(unreadable.map((problem) => problem.field));
  return { config, problems: [...unreadable, ...problems.filter((problem) => !unreadableFields.has(problem.field))] };
}

/**
 * The names as shoppers read them, when they hold money placeholders:
 * `{money:500}` formatted in the promotion's currency, as the checkout does.
 */
function NamePreview({ form, currency }: { form: PromotionForm; currency: string }) {
  const { t } = useConsole();
  if (!/\{money:/.test(form.nameEn + form.nameZh)) return null;
  const name = { en: form.nameEn, ...(form.nameZh && { 'zh-CN': form.nameZh }) };
  return (
    <p class="hint name-preview" aria-live="polite">
      {t('namePreview', { en: promotionName(name, 'en', currency), zh: promotionName(name, 'zh-CN', currency) })}
    </p>
  );
}

function BasicsSection({ binding, currency }: { binding: FormBinding; currency: string }) {
  const { t } = useConsole();
  const inputs = useInputs(binding);
  return (
    <fieldset>
      <legend>{t('sectionBasics')}</legend>
      {inputs.text('id', 'id', 'fieldId')}
      <div class="pair">
        {inputs.text('nameEn', 'name.en', 'nameEn', 'text', 'name')}
        {inputs.text('nameZh', 'name.zh-CN', 'nameZh')}
      </div>
      <NamePreview form={binding.form} currency={currency} />
      <div class="pair">
        {inputs.text('descriptionEn', 'description.en', 'descriptionEn', 'text', 'description')}
        {inputs.text('descriptionZh', 'description.zh-CN', 'descriptionZh')}
      </div>
      {inputs.check('enabled', 'enabled', 'enabled')}
    </fieldset>
  );
}

function ConditionsSection({ binding }: { binding: FormBinding }) {
  const { t } = useConsole();
  const { form, update, errorAt } = binding;
  const inputs = useInputs(binding);
  return (
    <fieldset>
      <legend>{t('sectionConditions')}</legend>
      <div class="pair">
        {inputs.text('minSubtotal', 'conditions.minSubtotal', 'minSubtotal', 'money')}
        {inputs.text('minQuantity', 'conditions.minQuantity', 'minQuantity', 'number')}
      </div>
      {inputs.check('firstPurchase', 'conditions.firstPurchase', 'firstPurchase')}
      <div class="pair">
        {inputs.text('segments', 'conditions.segments', 'segments')}
        {inputs.text('channels', 'conditions.channels', 'channels')}
      </div>
      <SelectField
        field="conditions.thresholdBase"
        label={t('thresholdBase')}
        value={form.thresholdBase}
        options={THRESHOLD_BASES.map((base) => ({ value: base, label: t(`base_${base || 'default'}`) }))}
        error={errorAt('conditions.thresholdBase')}
        onValue={(base) => update({ thresholdBase: base as PromotionForm['thresholdBase'] })}
      />
    </fieldset>
  );
}

function CodesSection({ binding }: { binding: FormBinding }) {
  const { t } = useConsole();
  const { form, update, errorAt } = binding;
  const inputs = useInputs(binding);
  return (
    <fieldset>
      <legend>{t('sectionCodes')}</legend>
      <SelectField
        field="codeMode"
        label={t('codeMode')}
        value={form.codeMode}
        options={CODE_MODES.map((mode) => ({ value: mode, label: t(`codeMode_${mode}`) }))}
        error={errorAt('uniqueCodes')}
        onValue={(mode) => update({ codeMode: mode as CodeMode })}
      />
      {form.codeMode === 'code' && inputs.text('code', 'code', 'code')}
    </fieldset>
  );
}

function ScheduleSection({ binding }: { binding: FormBinding }) {
  const { t } = useConsole();
  const { form, update, errorAt } = binding;
  const inputs = useInputs(binding);
  const when = (key: 'startsAt' | 'endsAt') => (
    <div class={errorAt(key) ? 'field has-error' : 'field'}>
      <label for={fieldId(key)}>{t(key)}</label>
      <input
        id={fieldId(key)}
        type="datetime-local"
        value={form[key]}
        aria-invalid={errorAt(key) ? 'true' : undefined}
        aria-describedby={errorAt(key) ? `${fieldId(key)}-error` : undefined}
        onInput={(event) => update({ [key]: event.currentTarget.value })}
      />
      {errorAt(key) && (
        <p class="field-error" id={`${fieldId(key)}-error`}>
          {errorAt(key)}
        </p>
      )}
    </div>
  );
  return (
    <fieldset>
      <legend>{t('sectionSchedule')}</legend>
      <div class="pair">
        {when('startsAt')}
        {when('endsAt')}
      </div>
      {inputs.text('timeZone', 'timeZone', 'timeZone')}
    </fieldset>
  );
}

function LimitsSection({ binding }: { binding: FormBinding }) {
  const { t } = useConsole();
  const inputs = useInputs(binding);
  return (
    <>
      <fieldset>
        <legend>{t('sectionLimits')}</legend>
        <div class="pair">
          {inputs.text('limitTotal', 'limits.total', 'limitTotal', 'number')}
          {inputs.text('limitPerCustomer', 'limits.perCustomer', 'limitPerCustomer', 'number')}
        </div>
        {inputs.text('budget', 'limits.budget', 'budget', 'money')}
      </fieldset>
      <fieldset>
        <legend>{t('sectionCombining')}</legend>
        {inputs.check('combinesProduct', 'combinesWith.product', 'combinesProduct')}
        {inputs.check('combinesOrder', 'combinesWith.order', 'combinesOrder')}
        {inputs.check('combinesShipping', 'combinesWith.shipping', 'combinesShipping')}
        {inputs.check('exclusive', 'exclusive', 'exclusive')}
        {inputs.text('priority', 'priority', 'priority', 'number')}
      </fieldset>
    </>
  );
}

/** Every problem in one list at the top, each a link to its field: the pattern screen-reader users expect. */
function ProblemSummary({ problems, shown }: { problems: FieldProblem[]; shown: boolean }) {
  const { t } = useConsole();
  return (
    <div class={problems.length ? 'problems' : 'problems none'} aria-live="polite">
      <p>{problems.length ? t('problems', { n: problems.length }) : t('noProblems')}</p>
      {shown && problems.length > 0 && (
        <ul>
          {problems.map((problem) => (
            <li key={`${problem.field}:${problem.message}`}>
              <a class="problem-link" href={`#${fieldId(problem.field)}`} onClick={(event) => focusField(event, problem.field)}>
                {problem.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Moves focus to a field without touching the hash (the hash is the console's route). */
function focusField(event: Event, field: string) {
  event.preventDefault();
  document.getElementById(fieldId(field))?.focus();
}

function EditorForm({ overview, editingId }: { overview: Overview; editingId: string | null }) {
  const { t, api, announce, go, user } = useConsole();
  const original = editingId === null ? null : overview.draft.config.promotions.find((promotion) => promotion.id === editingId);
  const [form, setForm] = useState(() => (original ? formOf(original, overview.currency, overview.timeZone) : blankForm(overview.currency, overview.timeZone)));
  const [touched, setTouched] = useState<Set<string>>(() => new Set(original ? ['*'] : []));
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { config, problems } = useMemo(() => problemsOf(form, overview, editingId), [form, overview, editingId]);
  if (editingId !== null && !original) return <ErrorNotice error={new Error(t('notFound', { id: editingId }))} />;
  const showAll = touched.has('*');
  const binding: FormBinding = {
    form,
    update: (patch) => {
      // Until the marketer sets the combining switches, they follow the engine's defaults for the rule's class.
      const followDefaults = ('kind' in patch || 'target' in patch) && !COMBINING_KEYS.some((key) => touched.has(key));
      setForm((previous) => {
        const next = { ...previous, ...patch };
        return followDefaults ? { ...next, ...defaultCombining(next) } : next;
      });
      setTouched((previous) => new Set([...previous, ...Object.keys(patch)]));
    },
    // New forms show a field's error once it was typed in, or everything after a save attempt.
    errorAt: (...fields) => (showAll || touched.size > 0 ? problems.find((problem) => fields.includes(problem.field))?.message : undefined),
  };
  async function save(event: Event) {
    event.preventDefault();
    setTouched((previous) => new Set([...previous, '*']));
    if (problems.length) return;
    setBusy(true);
    setSaveError(null);
    try {
      const { draft } = await api.send<{ draft: { rev: number } }>('PUT', '/promotions/draft', { rev: overview.draft.rev, config });
      announce(t('saved', { rev: draft.rev }));
      go('#/promotions');
    } catch (error) {
      setSaveError(error instanceof ConsoleApiError ? error : new Error(messageOf(error)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="editor" onSubmit={save} noValidate>
      <ProblemSummary problems={problems} shown={showAll} />
      {saveError !== null && <ErrorNotice error={saveError} />}
      <BasicsSection binding={binding} currency={isCurrency(form.currency) ? form.currency : overview.currency} />
      <RuleInputs binding={binding} />
      <ConditionsSection binding={binding} />
      <CodesSection binding={binding} />
      <ScheduleSection binding={binding} />
      <LimitsSection binding={binding} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || !can(user, 'marketer')}>
          {t('save')}
        </button>
        <a class="button" href="#/promotions">
          {t('cancel')}
        </a>
      </div>
    </form>
  );
}

/**
 * Creates or edits one promotion of the draft through a form: every field
 * checked as it is typed with the engine's own sentences, and nothing saved
 * while anything is wrong.
 */
export function PromotionEditor({ id }: { id: string | null }) {
  const { t } = useConsole();
  const overview = useOverview();
  return (
    <section>
      <PageTitle>{id === null ? t('newTitle') : t('editTitle', { id })}</PageTitle>
      <LoadedView loaded={overview}>{(data) => <EditorForm key={`${id}:${data.draft.rev}`} overview={data} editingId={id} />}</LoadedView>
    </section>
  );
}
