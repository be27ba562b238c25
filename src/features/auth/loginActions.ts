import { zodResolver } from '@hookform/resolvers/zod';
import { loginSchema } from './loginSchema';

/**
 * What submitting the login form needs beyond the form itself: the zod schema and the login calls (with
 * the inventory schemas they check). One chunk, loaded when the admin starts typing or submits
 * (loadLoginActions), so that the first page is only what paints a usable form.
 */
export const loginResolver = zodResolver(loginSchema);
export { endServerSessions, logInByAccount, loginIAM2Project, loginIAM2VirtualID } from '../../session/api';
