import { getPortfolio, HISTORY_LIMIT } from '@/lib/indexer/accounts';
import { getTranchePositions } from '@/lib/indexer/tranches';
import { statementFilename } from '@/lib/portfolio/portfolio-csv';
import { statementPdf } from '@/lib/portfolio/statement-pdf';
import { pdfAttachment, statementResponse } from '@/lib/portfolio/statement-response';

export const dynamic = 'force-dynamic';

/** The whole portfolio as a PDF statement: totals, positions (tranches too), open exits and the full history. */
export async function GET(_request: Request, { params }: { params: Promise<{ address: string }> }) {
  return statementResponse((await params).address, async (account) => {
    // Both or neither: a statement that left out the tranches would understate the account.
    const trancheRead = getTranchePositions(account);
    const [{ positions, redemptions, history, indexed, pools }, tranches] = await Promise.all([
      getPortfolio(
        account,
        {},
        trancheRead.catch(() => null),
      ),
      trancheRead,
    ]);
    const pdf = await statementPdf({
      account,
      positions,
      tranchePositions: tranches.positions,
      redemptions,
      history,
      historyTruncated: history.length >= HISTORY_LIMIT,
      indexed,
      pools,
      generatedAt: new Date(),
    });
    return pdfAttachment(pdf, statementFilename(account, 'statement'));
  });
}
