import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../shared/components/confirm-dialog.js';
import { joinLabels } from './publish-readiness.js';

/** An editor on the factsheet page whose text differs from what is saved. */
export type UnsavedEdit = { key: string; label: string; order: number; save: () => void };

type Registry = {
  edits: UnsavedEdit[];
  report: (key: string, edit: UnsavedEdit | null) => void;
};

const UnsavedEditsContext = createContext<Registry>({ edits: [], report: () => undefined });

/**
 * Collects the editors with unsaved text, so publishing can refuse to freeze a version without them
 * (versions are immutable: text typed but not saved would silently be missing), and guards leaving the
 * page, both by the browser (beforeunload) and inside the app (router blocker).
 */
export function UnsavedEditsProvider({ children }: { children: ReactNode }) {
  const [edits, setEdits] = useState<UnsavedEdit[]>([]);
  const report = useCallback((key: string, edit: UnsavedEdit | null) => {
    setEdits((current) => {
      const others = current.filter((e) => e.key !== key);
      return (edit ? [...others, edit] : others).sort((a, b) => a.order - b.order);
    });
  }, []);
  const registry = useMemo(() => ({ edits, report }), [edits, report]);
  const unsaved = edits.length > 0;

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );

  return (
    <UnsavedEditsContext.Provider value={registry}>
      {children}
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title="Wijzigingen niet opgeslagen"
        confirmLabel="Pagina verlaten"
        danger
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>
          U heeft tekst getypt die nog niet is opgeslagen: {joinLabels(edits.map((e) => e.label))}. Als u de
          pagina verlaat, gaat deze tekst verloren.
        </p>
      </ConfirmDialog>
    </UnsavedEditsContext.Provider>
  );
}

export function useUnsavedEdits(): UnsavedEdit[] {
  return useContext(UnsavedEditsContext).edits;
}

/** Reports this editor as unsaved while `dirty`; `save` is read at call time, so it may change freely. */
export function useReportUnsaved(
  edit: { key: string; label: string; order: number },
  dirty: boolean,
  save: () => void,
): void {
  const { key, label, order } = edit;
  const { report } = useContext(UnsavedEditsContext);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (!dirty) return;
    report(key, { key, label, order, save: () => saveRef.current() });
    return () => report(key, null);
  }, [key, label, order, dirty, report]);
}
