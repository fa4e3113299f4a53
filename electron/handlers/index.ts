import type { Handlers } from '../core/context';
import * as app from './app';
import * as operators from './operators';
import * as recoveryKey from './recovery-key';
import * as session from './session';
import * as settings from './settings';
import * as setup from './setup';

/** Every handler, by call name; the type makes a missing or misnamed handler a compile error. */
export const handlers: Handlers = {
  'app.status': app.status,
  'setup.create': setup.create,
  'recoveryKey.renew': recoveryKey.renew,
  'recoveryKey.confirm': recoveryKey.confirm,
  'session.login': session.login,
  'session.logout': session.logout,
  'session.lock': session.lock,
  'session.activity': session.activity,
  'session.changePassword': session.changePassword,
  'session.recover': session.recover,
  'operators.list': operators.list,
  'operators.create': operators.create,
  'operators.update': operators.update,
  'operators.resetPassword': operators.resetPassword,
  'settings.get': settings.get,
  'settings.update': settings.update,
};
