/**
 * The seed's history as a timeline: every step adds dated actions, then they play in date order (ties in the
 * order given, then in the order added), anvil's clock moved forward to each action's day.
 */
import type { SeedChain } from './seed-chain';
import { SEED_HISTORY_DAYS } from './world';

/** The last day of history: half a day before today. */
export const LAST_DAY = SEED_HISTORY_DAYS - 0.5;

type Action = { day: number; order: number; label: string; run: () => Promise<unknown> };

export function createTimeline() {
  const actions: Action[] = [];
  return {
    add(day: number, order: number, label: string, run: () => Promise<unknown>) {
      actions.push({ day, order, label, run });
    },
    async play({ client, at }: SeedChain) {
      actions.sort((a, b) => a.day - b.day || a.order - b.order);
      for (const action of actions) {
        const target = at(action.day);
        const { timestamp } = await client.getBlock();
        if (Number(timestamp) < target) await client.setNextBlockTimestamp({ timestamp: BigInt(target) });
        try {
          await action.run();
        } catch (error) {
          throw new Error(
            `seed action "${action.label}" on day ${action.day} failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
          );
        }
      }
    },
  };
}

export type Timeline = ReturnType<typeof createTimeline>;
