import { type CaptureRun, SourceSettings } from '../../contract/capture';
import type { UploadQuery } from '../../contract/capture-messages';
import { Invalid } from '../../core/errors';
import type { Deps } from '../deps';
import { requireSource, uploadMbox, withSourceHeld } from './capture.service';
import { uploadCalendar } from './capture-calendar';
import { captureLinkedIn } from './capture-linkedin';
import { captureWhatsApp } from './capture-whatsapp';

/**
 * Reads an uploaded file into a file source: an mbox, a LinkedIn messages.csv, a WhatsApp chat or an .ics calendar,
 * as the source's kind says. Importing the same file again adds nothing.
 */
export async function uploadToSource(
  deps: Deps,
  accountId: string,
  sourceId: string,
  file: AsyncIterable<Uint8Array>,
  query: UploadQuery,
): Promise<CaptureRun> {
  const source = await requireSource(deps, accountId, sourceId);
  if (source.kind === 'mbox') return uploadMbox(deps, accountId, sourceId, file);
  if (source.kind === 'ics') return uploadCalendar(deps, accountId, sourceId, file);
  const settings = SourceSettings.parse(JSON.parse(source.settings));
  const read = (): Promise<CaptureRun> => {
    switch (source.kind) {
      case 'linkedin_messages':
        return captureLinkedIn(deps, source, settings, file);
      case 'whatsapp':
        return captureWhatsApp(deps, source, settings, file, query);
      default:
        throw new Invalid(`"${source.name}" is a ${source.kind} source, not a file to upload`, 'id');
    }
  };
  return withSourceHeld(deps, source, read);
}
