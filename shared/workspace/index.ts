/** The group workspace document: schema, typed reads and writes, presence. */
export * from './document.ts'
export * from './ordering.ts'
export * from './agenda.ts'
export * from './matrix.ts'
export * from './checklist.ts'
export * from './pdsa.ts'
export * from './meeting.ts'
export * from './presence.ts'
