import { act, screen } from '@testing-library/react';
import { ConsoleCode, consoleError, ZStackError } from '../api/errors';
import { activate } from '../i18n/i18n';
import { render } from '../test/render';
import { ZStackErrorAlert } from './ZStackErrorAlert';

describe('an error on screen when the language changes', () => {
  it("rewords the console's own error and its frame, and leaves ZStack's words as the node sent them", async () => {
    const own = consoleError(ConsoleCode.noSession, 0, {
      description: { key: 'errors.noSession' },
      details: { key: 'errors.noSession.details', values: { method: 'GET', path: '/zones' } },
    });
    const zstack = new ZStackError(
      {
        code: 'SYS.1006',
        description: '参数错误',
        details: '账户[uuid:1]无法使用资源[uuid:2, type:VmNicVO]',
      },
      503,
    );
    render(
      <>
        <ZStackErrorAlert error={own} action="log in" />
        <ZStackErrorAlert error={zstack} />
      </>,
    );
    const [first, second] = screen.getAllByRole('alert');
    expect(first).toHaveTextContent('Not logged in');
    expect(first).toHaveTextContent('GET /zones was not sent: the session has ended.');
    expect(second).toHaveTextContent('You do not have permission to do this');

    await act(() => activate('zh-CN'));
    expect(first).toHaveTextContent('描述： 未登录');
    expect(first).toHaveTextContent('GET /zones 未发送：会话已结束。');
    expect(first).not.toHaveTextContent('Not logged in');
    expect(second).toHaveTextContent('您没有执行此操作的权限');
    expect(second).toHaveTextContent('错误码SYS.1006');
    expect(second).toHaveTextContent('描述： 参数错误');
    expect(second).toHaveTextContent('详情： 账户[uuid:1]无法使用资源[uuid:2, type:VmNicVO]');
  });
});
