import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { StatementField } from '../../../../../shared/arrears/statement';
import type { CallOutput, HeaderMapping, ImportPreview } from '../../../../../shared/contract';
import { useApiMutation } from '../../../api';
import { fileProblem, READ_FAILED, readAsBase64, type ChosenFile } from './readFile';

export const STEPS = ['File', 'Colonne', 'Anteprima', 'Esito'] as const;
export type Step = 0 | 1 | 2 | 3;

/** What the user decided for an unmatched row. */
export type Resolution = { kind: 'link'; unitId: number; label: string } | { kind: 'skip' };

export type CommitResult = CallOutput<'arrears.commitImport'>;

export interface ProfileChoice {
  save: boolean;
  name: string;
}

function sameMapping(a: HeaderMapping, b: HeaderMapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<StatementField>;
  for (const key of keys) if ((a[key] ?? null) !== (b[key] ?? null)) return false;
  return true;
}

/** Any read that an import or its undo changes: the arrears and risk pages, the household pages. */
function isArrearsRead(queryKey: readonly unknown[]): boolean {
  const name = queryKey[0];
  return (
    typeof name === 'string' &&
    (name.startsWith('arrears.') ||
      name.startsWith('risk.') ||
      name.startsWith('plans.') ||
      name === 'households.get')
  );
}

/** Fetches again every read an import changes. */
export function useInvalidateArrears(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ predicate: (query) => isArrearsRead(query.queryKey) }),
    [queryClient],
  );
}

/**
 * The state of the import wizard: the file, the sender's profile, the sheet,
 * the mapping being corrected, the last preview, what was decided for each
 * unmatched row. Nothing is written before `commit`. A failed call keeps
 * every choice and sets `message`.
 */
export function useImportWizard() {
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [reading, setReading] = useState(false);
  const [profileId, setProfileIdState] = useState<number | null>(null);
  /** The sheet chosen; null until the file turns out to have several. */
  const [sheet, setSheetState] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMappingState] = useState<HeaderMapping>({});
  /** The user changed the mapping: later previews of the same file and sheet keep it. */
  const [mappingTouched, setMappingTouched] = useState(false);
  const [profile, setProfile] = useState<ProfileChoice>({ save: false, name: '' });
  const [resolutions, setResolutions] = useState<ReadonlyMap<number, Resolution>>(new Map());
  const [result, setResult] = useState<CommitResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The preview expired on the server: offer to read the file again. */
  const [expired, setExpired] = useState(false);

  const previewCall = useApiMutation('arrears.previewImport');
  const commitCall = useApiMutation('arrears.commitImport');
  const invalidate = useInvalidateArrears();

  const chooseFile = async (chosen: File) => {
    setMessage(null);
    const problem = fileProblem(chosen);
    if (problem) {
      setFile(null);
      setMessage(problem);
      return;
    }
    setReading(true);
    try {
      const base64 = await readAsBase64(chosen);
      setFile({ name: chosen.name, size: chosen.size, base64 });
      // Another file: its sheets, lines and headers are its own.
      setSheetState(null);
      setPreview(null);
      setResolutions(new Map());
    } catch {
      setFile(null);
      setMessage(READ_FAILED);
    } finally {
      setReading(false);
    }
  };

  const setProfileId = (id: number | null) => {
    setProfileIdState(id);
    // A chosen profile brings its own mapping.
    setMappingTouched(false);
  };

  const setSheet = (name: string) => {
    setSheetState(name);
    setMappingTouched(false);
  };

  const setField = (field: StatementField, header: string | null) => {
    setMappingState((current) => {
      const next: HeaderMapping = {};
      for (const [key, value] of Object.entries(current) as [StatementField, string][]) {
        if (key !== field) next[key] = value;
      }
      if (header !== null) next[field] = header;
      return next;
    });
    setMappingTouched(true);
  };

  /** Asks the server for a preview; null (and the message set) when it fails. */
  const requestPreview = async (options: {
    sheet: string | null;
    mapping: HeaderMapping | null;
  }): Promise<ImportPreview | null> => {
    if (!file) {
      setMessage('Scegliere prima il file dell’estratto.');
      return null;
    }
    setMessage(null);
    setExpired(false);
    const answer = await previewCall.run({
      fileName: file.name,
      contentBase64: file.base64,
      sheet: options.sheet,
      mapping: options.mapping,
      profileId,
    });
    if (!answer.ok) {
      if (answer.error.kind !== 'locked') setMessage(answer.error.message);
      return null;
    }
    const next = answer.value;
    // Decisions on rows still unmatched in the same file stay.
    const kept = new Map<number, Resolution>();
    if (preview?.sha256 === next.sha256) {
      const lines = new Set(next.unmatched.map((row) => row.line));
      for (const [line, resolution] of resolutions) if (lines.has(line)) kept.set(line, resolution);
    }
    setResolutions(kept);
    setPreview(next);
    setMappingState(next.mapping);
    return next;
  };

  /** Step 1 → 2. A file with several sheets first shows the sheet choice. */
  const readChosenFile = async () => {
    if (reading) return;
    const next = await requestPreview({ sheet, mapping: mappingTouched ? mapping : null });
    if (!next) return;
    if (next.sheetNames.length > 1 && sheet === null) {
      setSheetState(next.sheet);
      return;
    }
    setStep(1);
  };

  /** Previews again with the mapping as corrected; stays on the mapping step. */
  const refreshPreview = async () => {
    await requestPreview({ sheet: preview?.sheet ?? sheet, mapping });
  };

  const profileNameProblem = (): string | null => {
    if (!profile.save) return null;
    const name = profile.name.trim();
    if (name === '') return 'Indicare il nome del profilo (il mittente, ad esempio «ALER Cremona»).';
    if (name.length > 80) return 'Il nome del profilo può avere al massimo 80 caratteri.';
    return null;
  };

  /** Step 2 → 3: previews again first if the mapping changed. */
  const toPreview = async () => {
    if (profileNameProblem() !== null) return false;
    let current = preview;
    if (!current || current.previewId === null || !sameMapping(mapping, current.mapping)) {
      current = await requestPreview({ sheet: preview?.sheet ?? sheet, mapping });
    }
    if (!current || current.previewId === null) return false;
    setStep(2);
    return true;
  };

  const resolve = (lines: readonly number[], resolution: Resolution | null) => {
    setResolutions((current) => {
      const next = new Map(current);
      for (const line of lines) {
        if (resolution === null) next.delete(line);
        else next.set(line, resolution);
      }
      return next;
    });
  };

  const commit = async () => {
    if (!preview?.previewId) return;
    setMessage(null);
    setExpired(false);
    const links: { line: number; unitId: number }[] = [];
    const skip: number[] = [];
    for (const row of preview.unmatched) {
      const resolution = resolutions.get(row.line);
      if (resolution?.kind === 'link') links.push({ line: row.line, unitId: resolution.unitId });
      else if (resolution?.kind === 'skip') skip.push(row.line);
    }
    const answer = await commitCall.run({
      previewId: preview.previewId,
      links,
      skip,
      saveProfile: profile.save ? { name: profile.name.trim() } : null,
    });
    if (!answer.ok) {
      if (answer.error.kind === 'locked') return;
      setMessage(answer.error.message);
      setExpired(answer.error.kind === 'conflict');
      return;
    }
    setResult(answer.value);
    setStep(3);
    await invalidate();
  };

  /** After an expired preview: the same file, sheet and mapping read again. */
  const reread = async () => {
    await requestPreview({ sheet: preview?.sheet ?? sheet, mapping });
  };

  /** "Carica il file corretto": back to the first step, keeping profile and mapping. */
  const replaceFile = () => {
    setFile(null);
    setPreview(null);
    setResolutions(new Map());
    setMessage(null);
    setExpired(false);
    setStep(0);
  };

  const restart = () => {
    setFile(null);
    setSheetState(null);
    setPreview(null);
    setMappingState({});
    setMappingTouched(false);
    setProfile({ save: false, name: '' });
    setResolutions(new Map());
    setResult(null);
    setMessage(null);
    setExpired(false);
    setStep(0);
  };

  const goTo = (target: Step) => {
    setMessage(null);
    setExpired(false);
    setStep(target);
  };

  return {
    step,
    goTo,
    file,
    reading,
    chooseFile,
    profileId,
    setProfileId,
    sheet,
    setSheet,
    preview,
    mapping,
    setField,
    mappingChanged: preview !== null && !sameMapping(mapping, preview.mapping),
    profile,
    setProfile,
    profileNameProblem,
    resolutions,
    resolve,
    result,
    message,
    expired,
    previewing: previewCall.isPending,
    committing: commitCall.isPending,
    readChosenFile,
    refreshPreview,
    toPreview,
    commit,
    reread,
    replaceFile,
    restart,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
