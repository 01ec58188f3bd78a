export { createMessageService, type MessageService } from './messages.service.ts';
export { createDeskService, type DeskService } from './desk.service.ts';
export { createUdbService, type UdbService } from './udb.service.ts';
export { exchangeRoutes } from './exchange.routes.ts';
export { startExchangeScheduler, runExchangeRound, openPeriodicObligations } from './schedule.ts';
export { sweep } from './obligations.ts';
