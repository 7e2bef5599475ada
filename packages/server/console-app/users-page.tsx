import { useState } from 'preact/hooks';
import { can, type Role, useConsole } from './console-context.js';
import { ErrorNotice, LoadedView, PageTitle, SelectField, TextField, useTime, Table } from './ui.js';
import { useLoad } from './use-load.js';

interface UserRow {
  email: string;
  role: Role;
  createdAt: number;
  disabledAt: number | null;
}

const ROLES: Role[] = ['viewer', 'marketer', 'owner'];

function AddUser({ onAdded }: { onAdded(): void }) {
  const { t, api } = useConsole();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('marketer');
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<{ email: string; password: string } | null>(null);
  async function add(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const answer = await api.send<{ user: UserRow; password: string }>('POST', '/users', { email, role });
      setAdded({ email: answer.user.email, password: answer.password });
      setEmail('');
      onAdded();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <form onSubmit={add} class="toolbar">
      {error !== null && <ErrorNotice error={error} />}
      <TextField field="new-user-email" label={t('email')} type="email" value={email} onValue={setEmail} />
      <SelectField
        field="new-user-role"
        label={t('role')}
        value={role}
        options={ROLES.map((value) => ({ value, label: value }))}
        onValue={(value) => setRole(value as Role)}
      />
      <button type="submit" class="primary">
        {t('addUser')}
      </button>
      <p role="status" class="one-time">
        {added && t('newPassword', added)}
      </p>
    </form>
  );
}

/** Console accounts (owners only): add one with a password shown once, disable one. */
export function UsersPage() {
  const { t, api, user, announce } = useConsole();
  const time = useTime();
  const users = useLoad(() => api.get<{ users: UserRow[] }>('/users'), []);
  const [error, setError] = useState<unknown>(null);
  async function disable(email: string) {
    setError(null);
    try {
      await api.send('POST', '/users/disable', { email });
      announce(`${email}: ${t('disabled')}`);
      users.reload();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <section>
      <PageTitle>{t('usersTitle')}</PageTitle>
      {can(user, 'owner') && <AddUser onAdded={users.reload} />}
      {error !== null && <ErrorNotice error={error} />}
      <LoadedView loaded={users}>
        {(data) => (
          <Table columns={[t('email'), t('role'), t('added'), t('actions')]}>
            {data.users.map((row) => (
              <tr key={row.email}>
                <th scope="row">{row.email}</th>
                <td>{row.role}</td>
                <td>{time(row.createdAt)}</td>
                <td>
                  {row.disabledAt !== null ? (
                    `${t('disabled')} ${time(row.disabledAt)}`
                  ) : row.email !== user.email ? (
                    <button type="button" aria-label={`${t('disable')} ${row.email}`} onClick={() => disable(row.email)}>
                      {t('disable')}
                    </button>
                  ) : (
                    t('empty')
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </LoadedView>
    </section>
  );
}
