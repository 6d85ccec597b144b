import { createDevnet } from '@peerscope/nodes'
import * as ctxmod from './nodes/src/simulator/scenario/context.ts'
