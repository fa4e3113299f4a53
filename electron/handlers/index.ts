import type { Handlers } from '../core/context';
import * as activities from './activities';
import * as agenda from './agenda';
import * as app from './app';
import * as appInfo from './app-info';
import * as dataFolder from './data-folder';
import * as areas from './areas';
import * as audit from './audit';
import * as privacy from './privacy';
import * as privacyExport from './privacy-export';
import * as arrears from './arrears';
import * as arrearsHousehold from './arrears-household';
import * as buildings from './buildings';
import * as exportsToComune from './exports';
import * as dashboard from './dashboard';
import * as files from './files';
import * as followups from './followups';
import * as groups from './groups';
import * as households from './households';
import * as interventions from './interventions';
import * as meetings from './meetings';
import * as letters from './letters';
import * as members from './members';
import * as operators from './operators';
import * as plans from './plans';
import * as referrals from './referrals';
import * as risk from './risk';
import * as search from './search';
import * as units from './units';
import * as vocabulary from './vocabulary';
import * as recoveryKey from './recovery-key';
import * as session from './session';
import * as settings from './settings';
import * as setup from './setup';
import * as backup from './backup';

/** Every handler, by call name; the type makes a missing or misnamed handler a compile error. */
export const handlers: Handlers = {
  'app.status': app.status,
  'app.about': appInfo.about,
  'app.reportError': appInfo.reportError,
  'dataFolder.info': dataFolder.info,
  'dataFolder.check': dataFolder.check,
  'dataFolder.move': dataFolder.move,
  'audit.list': audit.list,
  'audit.actions': audit.actions,
  'audit.export': audit.exportCsv,
  'audit.verify': audit.verify,
  'privacy.settings': privacy.settings,
  'privacy.updateSettings': privacy.updateSettings,
  'privacy.household': privacy.household,
  'privacy.setNotice': privacy.setNotice,
  'privacy.exportPerson': privacyExport.exportPerson,
  'privacy.retention': privacy.retention,
  'privacy.anonymise': privacy.anonymise,
  'privacy.register': privacy.register,
  'dashboard.overview': dashboard.overview,
  'dashboard.buildings': dashboard.buildings,
  'dashboard.building': dashboard.building,
  'dashboard.settings': dashboard.settings,
  'dashboard.updateSettings': dashboard.updateSettings,
  'files.deliver': files.deliver,
  'activities.list': activities.list,
  'activities.get': activities.get,
  'activities.create': activities.create,
  'activities.update': activities.update,
  'activities.saveAttendance': activities.saveAttendance,
  'activities.household': activities.household,
  'activities.types': activities.types,
  'activities.createType': activities.createType,
  'activities.updateType': activities.updateType,
  'groups.list': groups.list,
  'groups.get': groups.get,
  'groups.create': groups.create,
  'groups.update': groups.update,
  'groups.memberOptions': groups.memberOptions,
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
  'operators.directory': operators.directory,
  'areas.list': areas.list,
  'areas.create': areas.create,
  'areas.update': areas.update,
  'buildings.list': buildings.list,
  'buildings.options': buildings.options,
  'buildings.get': buildings.get,
  'buildings.create': buildings.create,
  'buildings.update': buildings.update,
  'units.list': units.list,
  'units.get': units.get,
  'units.create': units.create,
  'units.createMany': units.createMany,
  'units.update': units.update,
  'households.list': households.list,
  'households.get': households.get,
  'households.create': households.create,
  'households.update': households.update,
  'households.move': households.move,
  'members.create': members.create,
  'members.update': members.update,
  'members.findDuplicates': members.findDuplicates,
  'search.households': search.households,
  'vocabulary.list': vocabulary.list,
  'vocabulary.create': vocabulary.create,
  'vocabulary.update': vocabulary.update,
  'interventions.list': interventions.list,
  'interventions.get': interventions.get,
  'interventions.create': interventions.create,
  'interventions.update': interventions.update,
  'referrals.create': referrals.create,
  'referrals.update': referrals.update,
  'followups.create': followups.create,
  'followups.update': followups.update,
  'followups.setDone': followups.setDone,
  'agenda.get': agenda.get,
  'arrears.previewImport': arrears.previewImport,
  'arrears.commitImport': arrears.commitImport,
  'arrears.undoImport': arrears.undoImport,
  'arrears.imports': arrears.imports,
  'arrears.profiles': arrears.profiles,
  'arrears.saveProfile': arrears.saveProfile,
  'arrears.deleteProfile': arrears.deleteProfile,
  'arrears.household': arrearsHousehold.household,
  'arrears.setLegalStage': arrearsHousehold.setLegalStage,
  'arrears.addCause': arrearsHousehold.addCause,
  'arrears.removeCause': arrearsHousehold.removeCause,
  'arrears.setIsee': arrearsHousehold.setIsee,
  'plans.create': plans.create,
  'plans.recordPayment': plans.recordPayment,
  'plans.removePayment': plans.removePayment,
  'plans.close': plans.close,
  'risk.worklist': risk.worklist,
  'risk.recompute': risk.recompute,
  'risk.settings': risk.settings,
  'risk.updateSettings': risk.updateSettings,
  'letters.templates': letters.templates,
  'letters.template': letters.template,
  'letters.saveTemplate': letters.saveTemplate,
  'letters.letterhead': letters.letterhead,
  'letters.updateLetterhead': letters.updateLetterhead,
  'letters.preview': letters.preview,
  'letters.issue': letters.issue,
  'letters.register': letters.register,
  'meetings.list': meetings.list,
  'meetings.get': meetings.get,
  'meetings.create': meetings.create,
  'meetings.update': meetings.update,
  'meetings.proposal': meetings.proposal,
  'meetings.setCases': meetings.setCases,
  'meetings.saveCase': meetings.saveCase,
  'meetings.addAction': meetings.addAction,
  'exports.preview': exportsToComune.preview,
  'exports.create': exportsToComune.create,
  'exports.register': exportsToComune.register,
  'backup.list': backup.list,
  'backup.create': backup.create,
  'backup.restore': backup.restore,
  'backup.settings': backup.settings,
  'backup.updateSettings': backup.updateSettings,
  'backup.damaged': backup.damaged,
  'backup.restoreDamaged': backup.restoreDamaged,
  'backup.leaveDamaged': backup.leaveDamaged,
};
