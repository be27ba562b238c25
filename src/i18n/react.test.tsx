import { useEffect, useRef } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { LanguageMenu } from '../components/LanguageMenu';
import { render } from '../test/render';
import { usePageTitle, useT } from './react';

let mounts = 0;

/** A form as the console's are: react-hook-form, labels from the catalogue. */
function Form() {
  const t = useT();
  const { register } = useForm({ defaultValues: { name: '' } });
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) mounts += 1;
    mounted.current = true;
  }, []);
  usePageTitle('theme.label');
  return (
    <form aria-label={t('app.name')}>
      <LanguageMenu />
      <TextInput label={t('theme.label')} {...register('name')} />
    </form>
  );
}

describe('switching the language', () => {
  it('re-renders every word at once, keeps what was typed, remounts nothing and remembers the choice', async () => {
    const user = userEvent.setup();
    mounts = 0;
    render(<Form />);
    const field = screen.getByRole('textbox', { name: 'Theme' });
    await user.type(field, 'web-pool 10.0.0.1');
    expect(document.title).toBe('Theme – ZStack console');

    await user.click(
      within(screen.getByRole('radiogroup', { name: 'Language' })).getByRole('radio', { name: '简体中文' }),
    );

    const form = await screen.findByRole('form', { name: 'ZStack 控制台' });
    const after = within(form).getByRole('textbox', { name: '主题' });
    expect(after).toBe(field);
    expect(after).toHaveValue('web-pool 10.0.0.1');
    expect(mounts).toBe(1);
    const menu = within(form).getByRole('radiogroup', { name: '语言' });
    expect(within(menu).getByRole('radio', { name: '简体中文' })).toBeChecked();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('主题 - ZStack 控制台');
    expect({ ...localStorage }).toEqual({ 'zstack-console.language': 'zh-CN' });

    await user.click(within(menu).getByRole('radio', { name: 'English' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Theme' })).toHaveValue('web-pool 10.0.0.1'),
    );
    expect({ ...localStorage }).toEqual({ 'zstack-console.language': 'en' });
  });
});
