import * as Y from 'yjs'

/** A struct of a decoded update (Y.decodeUpdate): an Item, a GC range or a Skip (a gap). */
export type Struct = Y.Item | Y.GC | Y.Skip

/**
 * Where a new struct lands in the workspace: the path of map keys from a root type to its
 * parent type, and its key in that parent (null inside a text). `ghost`: under
 * garbage-collected content, which Yjs turns into a GC range (no content anywhere);
 * `nowhere`: under a type no path of map keys reaches (nothing in the schema is there).
 */
export type Place =
  | { readonly kind: 'in'; readonly parent: readonly string[]; readonly key: string | null }
  | { readonly kind: 'ghost' }
  | { readonly kind: 'nowhere' }

/** The update contradicts itself or the document (a crafted update; Yjs would throw). */
export class Unplaceable extends Error {}

const GHOST: Place = { kind: 'ghost' }
const NOWHERE: Place = { kind: 'nowhere' }

/**
 * Resolves where the structs of one update land, as Yjs would (Item.getMissing): an item
 * with a neighbour (origin, else right origin) goes where the neighbour is; one without
 * names its parent (a root type's name, or the id of the item holding the parent type).
 * Neighbours and parents are looked up in the document first, then in the update itself.
 * Call only for updates whose dependencies are all present (the gate checks that first).
 */
export function makeLocator(
  doc: Y.Doc,
  typePath: TypePaths,
  updateStructs: ReadonlyMap<number, readonly Struct[]>,
) {
  const placeMemo = new Map<Y.Item, Place>()

  function inDoc(id: Y.ID): boolean {
    return id.clock < Y.getState(doc.store, id.client)
  }

  function fromUpdate(id: Y.ID): Struct {
    const structs = updateStructs.get(id.client) ?? []
    let low = 0
    let high = structs.length - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const struct = structs[mid]!
      if (id.clock < struct.id.clock) high = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
      else return struct
    }
    throw new Unplaceable(`no struct at ${id.client}:${id.clock}`)
  }

  /** Where an item of the document is. */
  function placeInDoc(item: Y.Item): Place {
    const path = typePath(item.parent)
    return path ? { kind: 'in', parent: path, key: item.parentSub } : NOWHERE
  }

  /** The place of the struct holding `id`: a neighbour's place is the new item's place. */
  function placeOfId(id: Y.ID): Place {
    if (inDoc(id)) {
      const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC
      return struct instanceof Y.Item ? placeInDoc(struct) : GHOST
    }
    const struct = fromUpdate(id)
    if (struct instanceof Y.Item) return placeOf(struct)
    if (struct instanceof Y.GC) return GHOST
    throw new Unplaceable('a neighbour inside a gap')
  }

  /** The path of the type held by the item at `id` (a parent named by id). */
  function typeAtId(id: Y.ID): readonly string[] | 'ghost' | 'nowhere' {
    if (inDoc(id)) {
      const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC
      if (!(struct instanceof Y.Item)) return 'ghost'
      if (!(struct.content instanceof Y.ContentType))
        throw new Unplaceable('a parent that holds no type')
      return typePath(struct.content.type) ?? 'nowhere'
    }
    const struct = fromUpdate(id)
    if (struct instanceof Y.GC) return 'ghost'
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType))
      throw new Unplaceable('a parent that holds no type')
    const place = placeOf(struct)
    if (place.kind !== 'in') return place.kind
    return place.key === null ? 'nowhere' : [...place.parent, place.key]
  }

  function placeOf(item: Y.Item): Place {
    const known = placeMemo.get(item)
    if (known) return known
    let place: Place
    const parent = item.parent as unknown
    if (item.origin || item.rightOrigin) {
      place = placeOfId((item.origin ?? item.rightOrigin)!)
      // Both neighbours must share one parent; Yjs would splice the item into two lists.
      if (item.origin && item.rightOrigin && place.kind === 'in') {
        const right = placeOfId(item.rightOrigin)
        if (right.kind === 'in' && !samePlace(place, right))
          throw new Unplaceable('neighbours in two different places')
      }
    } else if (typeof parent === 'string') {
      place = { kind: 'in', parent: [parent], key: item.parentSub }
    } else if (parent instanceof Y.ID) {
      const path = typeAtId(parent)
      place =
        path === 'ghost'
          ? GHOST
          : path === 'nowhere'
            ? NOWHERE
            : { kind: 'in', parent: path, key: item.parentSub }
    } else {
      throw new Unplaceable('an item with neither parent nor neighbour')
    }
    placeMemo.set(item, place)
    return place
  }

  return { placeOf, placeInDoc }
}

const samePlace = (
  a: { parent: readonly string[]; key: string | null },
  b: { parent: readonly string[]; key: string | null },
): boolean =>
  a.key === b.key &&
  a.parent.length === b.parent.length &&
  a.parent.every((k, i) => k === b.parent[i])

/** The path of map keys from a root type to a type; null where none reaches it. */
export type TypePaths = (type: unknown) => readonly string[] | null

/**
 * Paths of one document's types, remembered per type (a type never moves). Null when an
 * array or text lies between (nothing of the workspace lives there).
 */
export function makeTypePaths(doc: Y.Doc): TypePaths {
  const known = new WeakMap<Y.AbstractType<unknown>, readonly string[] | null>()
  return function typePath(type: unknown): readonly string[] | null {
    if (!(type instanceof Y.AbstractType)) return null
    const cached = known.get(type)
    if (cached !== undefined) return cached
    const item = type._item
    let path: readonly string[] | null = null
    if (item === null) {
      for (const [name, root] of doc.share) if (root === type) path = [name]
    } else if (item.parentSub !== null) {
      const parent = typePath(item.parent)
      path = parent && [...parent, item.parentSub]
    }
    known.set(type, path)
    return path
  }
}
