// The shift overview: what needs the signed-in officer's attention now, in one small answer (a booth or
// a desk on a poor link asks once), each part only for those who may read it.
import { z } from 'zod';
import { IsoDate, Timestamp, Uuid } from './common.ts';

const Names = z.object({ kk: z.string(), ru: z.string(), en: z.string() });

export const CheckpointActivityView = z.object({
  id: Uuid, code: z.string(), names: Names, status: z.string().describe('open, restricted or suspended (the registry)'),
  today: IsoDate.describe('The day counted, on the checkpoint\'s own calendar'),
  now: z.object({
    inControl: z.number(), secondary: z.number(), awaitingExit: z.number().describe('Passed, not yet out of the checkpoint: passage not complete'),
    refusedNotYetOut: z.number(), vehiclesAtControl: z.number(),
  }),
  crossingsToday: z.object({ all: z.number(), entry: z.number(), exit: z.number(), passed: z.number(), refused: z.number(), otherMeasures: z.number() })
    .describe('Travellers who came to control since the checkpoint\'s midnight, by the decision taken (a secondary inspection still open is under otherMeasures)'),
});

export const OverviewView = z.object({
  at: Timestamp,
  checkpoints: z.array(CheckpointActivityView).nullable().describe('The checkpoints whose crossings the reader may read (crossing.read), the busiest first; null without that permission'),
  vehicles: z.object({ atControl: z.number(), awaitingMarks: z.number().describe('Of them, still lacking a control body\'s permission mark (Law Art. 19(8))') }).nullable()
    .describe('The vehicles at control or in examination that the reader sees: of the Border Service units they read, and at the checkpoints their control body serves (crossing.read or vehicle.mark); null for neither'),
  stays: z.object({ over: z.number(), pending: z.number().describe('Open stays not yet judged under the rules in force (the timer judges them within minutes)') }).nullable()
    .describe('Foreigners in the country over their days (stay.read); counts only, no person named'),
  desk: z.object({
    unitId: Uuid, owedOverdue: z.number().describe('What the desk owes and is late with'), owedDueSoon: z.number().describe('What the desk owes in the next 24 hours'),
    owedToUsOverdue: z.number().describe('What counterparts owe the desk and are late with'), unseen: z.number().describe('Notifications not yet seen'),
  }).nullable().describe('The exchange desk of the reader\'s unit (exchange.read); null without one'),
});
