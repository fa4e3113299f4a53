// The desktop shell's Italian menu and dialog texts (pure: no Electron needed).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  aboutDialog,
  buildMenuTemplate,
  CRASH_MESSAGE,
  movedDataDirMessage,
  RENDERER_GONE_MESSAGE,
  unreachableDataDirMessage,
} from '../../electron/main/menu-template';

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error('no submenu');
  return item.submenu;
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
}

const runtime = { electron: '39.0.0', chrome: '142.0', node: '22.20.0' };

describe('application menu', () => {
  const actions = { showAbout: vi.fn(), openLogFolder: vi.fn() };
  const packaged = buildMenuTemplate(actions, { isPackaged: true });

  it('has File, Modifica, Visualizza, Aiuto, in this order', () => {
    expect(packaged.map((m) => m.label?.replace('&', ''))).toEqual([
      'File',
      'Modifica',
      'Visualizza',
      'Aiuto',
    ]);
  });

  it('has the standard edit commands with their usual shortcuts, in Italian', () => {
    const edit = submenu(packaged[1]).filter((i) => i.type !== 'separator');
    expect(edit.map((i) => [i.label, i.role, i.accelerator])).toEqual([
      ['Annulla', 'undo', 'CmdOrCtrl+Z'],
      ['Ripeti', 'redo', 'CmdOrCtrl+Y'],
      ['Taglia', 'cut', 'CmdOrCtrl+X'],
      ['Copia', 'copy', 'CmdOrCtrl+C'],
      ['Incolla', 'paste', 'CmdOrCtrl+V'],
      ['Seleziona tutto', 'selectAll', 'CmdOrCtrl+A'],
    ]);
  });

  it('Aiuto opens the log folder and the about box through the callbacks', () => {
    const help = submenu(packaged[3]);
    const about = find(help, 'Informazioni su Cortile');
    const logs = find(help, 'Apri cartella dei log');
    (about.click as () => void)();
    expect(actions.showAbout).toHaveBeenCalledTimes(1);
    expect(actions.openLogFolder).not.toHaveBeenCalled();
    (logs.click as () => void)();
    expect(actions.openLogFolder).toHaveBeenCalledTimes(1);
  });

  it('offers the developer tools only in development', () => {
    const roles = (template: MenuItemConstructorOptions[]) => submenu(template[2]).map((i) => i.role);
    expect(roles(packaged)).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(actions, { isPackaged: false }))).toContain('toggleDevTools');
  });

  it('every item is labelled in Italian (no role left to the system language)', () => {
    for (const top of packaged) {
      for (const item of submenu(top)) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify(item.role)).toBeTruthy();
      }
    }
    const quit = find(submenu(packaged[0]), 'Esci');
    expect(quit.role).toBe('quit');
  });
});

describe('about box', () => {
  const about = {
    version: '1.2.3',
    dataDir: 'C:\\Users\\anna\\AppData\\Roaming\\Cortile',
    schemaVersion: '0011_privacy',
    databaseSchemaVersion: '0011_privacy',
    licence: 'Software proprietario',
  };

  it('shows version, data folder, database schema and licence', () => {
    const text = aboutDialog(about, runtime);
    expect(text.title).toBe('Informazioni su Cortile');
    expect(text.message).toBe('Cortile 1.2.3');
    expect(text.detail).toContain('Versione: 1.2.3');
    expect(text.detail).toContain(`Cartella dei dati: ${about.dataDir}`);
    expect(text.detail).toContain('Versione del database: 0011_privacy');
    expect(text.detail).toContain('Licenza: Software proprietario');
    expect(text.detail).toContain('Electron 39.0.0');
  });

  it('says when the database schema is known only after signing in, or differs', () => {
    expect(aboutDialog({ ...about, databaseSchemaVersion: null }, runtime).detail).toContain(
      'dopo l’accesso',
    );
    expect(aboutDialog({ ...about, databaseSchemaVersion: '0009_exports' }, runtime).detail).toContain(
      '0009_exports (questa versione arriva a 0011_privacy)',
    );
  });
});

describe('messages of the shell', () => {
  it('say what happened and what to do', () => {
    expect(CRASH_MESSAGE).toMatch(/non vanno persi/);
    expect(CRASH_MESSAGE).toMatch(/riaprire/);
    expect(RENDERER_GONE_MESSAGE).toMatch(/al sicuro/);
    expect(unreachableDataDirMessage('Z:\\Cortile')).toMatch(/Z:\\Cortile.*non è raggiungibile.*collegarlo/s);
    expect(movedDataDirMessage('D:\\Cortile')).toMatch(/D:\\Cortile[\s\S]*riavvia/);
  });
});
