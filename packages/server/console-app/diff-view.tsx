import type { PromotionChange } from '../src/promotions/diff.js';
import { useConsole } from './console-context.js';

export type { PromotionChange };

const shown = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/**
 * A readable diff: a line per promotion, and for a changed one a row per field with before and after.
 *
 * @example
 * <DiffView changes={[{ id: 'spring', change: 'changed', fields: [{ path: 'rule.percent', before: 10, after: 15 }] }]} />
 */
export function DiffView({ changes }: { changes: PromotionChange[] }) {
  const { t } = useConsole();
  if (changes.length === 0) return <p>{t('noChanges')}</p>;
  return (
    <ul class="diff">
      {changes.map((change) => (
        <li key={change.id} class={`diff-${change.change}`}>
          <p>
            <strong>{change.id}</strong> <span class="diff-kind">{t(`change_${change.change}`)}</span>
          </p>
          {change.change === 'changed' && (
            <table>
              <tbody>
                {change.fields.map((field) => (
                  <tr key={field.path}>
                    <th scope="row">{field.path}</th>
                    <td>
                      <del>{shown(field.before)}</del>
                    </td>
                    <td>
                      <ins>{shown(field.after)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ul>
  );
}
