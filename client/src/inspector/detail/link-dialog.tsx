import { CopyButton } from '../../shared/components/copy-button.js';
import { Dialog } from '../../shared/components/dialog.js';
import { Button } from '../../shared/components/button.js';
import { Alert } from '../../shared/components/alert.js';

export type IssuedLink = { organisation: string; link: string; replacesOld: boolean; mailed: boolean };

type LinkDialogProps = { issued: IssuedLink | undefined; onClose: () => void };

/**
 * The personal link, shown exactly once: the server keeps only a hash of the token, so this is the
 * inspector's only chance to copy it.
 */
export function LinkDialog({ issued, onClose }: LinkDialogProps) {
  return (
    <Dialog
      open={Boolean(issued)}
      title={issued ? `Persoonlijke link voor ${issued.organisation}` : ''}
      onClose={onClose}
      wide
      footer={
        <Button variant="secondary" onClick={onClose}>
          Sluiten
        </Button>
      }
    >
      {issued && (
        <>
          {issued.mailed && <p>De uitnodiging met deze link is per e-mail verstuurd.</p>}
          <Alert tone="warning">
            <p className="alert__text">
              <strong>Deze link ziet u maar één keer.</strong> Kopieer hem nu als u hem zelf wilt doorsturen.
              {issued.replacesOld && ' De vorige link van deze respondent werkt vanaf nu niet meer.'}
            </p>
          </Alert>
          <label className="field__label" htmlFor="issued-link">
            Link
          </label>
          <input
            id="issued-link"
            className="field__input link-output"
            readOnly
            value={issued.link}
            onFocus={(e) => e.target.select()}
          />
          <div className="link-dialog__copy">
            <CopyButton text={issued.link} label="Link kopiëren" />
          </div>
        </>
      )}
    </Dialog>
  );
}
