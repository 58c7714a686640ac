/** What a group's meetings add up to, and a round's figures over its groups: pure reads. */
export * from './criterion.ts'
export * from './checklist.ts'
export * from './pdsa.ts'
export * from './group.ts'
export * from './round.ts'
