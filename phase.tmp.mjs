import * as ctxMod from './nodes/src/simulator/scenario/context.ts'
