import type { ApiResult } from '../../../shared/contract';
import type { DeliveryView } from '../../../shared/contract/files';
import { call } from './call';

/**
 * Hands a file the app prepared (an export, a PDF) to the user: in the desktop
 * app the system "Salva con nome" dialog, in the browser a download. The
 * renderer does not know which; the shell decides.
 */
export async function deliverFile(id: string): Promise<ApiResult<DeliveryView>> {
  const result = await call('files.deliver', { id });
  if (result.ok && result.value.result === 'download') {
    const link = document.createElement('a');
    link.href = result.value.url;
    link.rel = 'noopener';
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  }
  return result;
}
