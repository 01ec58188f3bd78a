/** Every permission a role can carry. Routes and services name these, never role codes. */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'officer.read',
  'officer.manage',
  'user.manage',
  'geo.read',
  'geo.manage',
  'checkpoint.status.decide',
  'legal.read',
  'legal.manage',
  'audit.read',
  'screening.run',
  'watchlist.read',
  'watchlist.manage',
  'alert.adjudicate',
  // border control at checkpoints: register crossings and decide them; read them
  'crossing.record',
  'crossing.read',
  // stays of foreigners and the overstay list (migration police and Border Service)
  'stay.read',
  // control bodies at checkpoints (customs, transport, sanitary …): put permission marks on vehicles, examine them jointly
  'vehicle.mark',
  // inter-agency information exchange (Instruction 2002 p.5): report and confirm for one's unit; read the
  // unit's messages and obligations; acknowledge received messages; compliance; a unit's external channels
  'exchange.send',
  'exchange.read',
  'exchange.acknowledge',
  'exchange.compliance',
  'exchange.channels.manage',
  // the Unified Data Bank: read it; contribute materials
  'udb.read',
  'udb.contribute',
  // SEZ passage (SEZ Rules 2019): read the SEZ's lists, log and plans; draft lists, rosters and plans (police body);
  // sign lists and approve rosters and plan-assignments (head of the police body); agree and forward lists (NSC district
  // division); receive lists and agree the plan (BS military unit); admit officers at the checkpoint (BS subdivision)
  'sez.read',
  'sez.draft',
  'sez.sign',
  'sez.agree',
  'sez.receive',
  'sez.admit',
  // cases at the border: read the agency's detentions, acts and reports; record detentions; hand over and receive
  // (accept, refuse, report measures); report uses of force and the prosecutor's notices
  'case.read',
  'case.record',
  'case.handover',
  'force.report',
  // lets a grant reach beyond the holder's own agency (administrators, oversight)
  'scope.all_agencies',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
