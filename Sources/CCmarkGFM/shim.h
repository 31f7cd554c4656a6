#ifndef REDBOOK_CCMARKGFM_SHIM_H
#define REDBOOK_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/// Whether a node is inline (text, emphasis, links…) rather than a block, by the header's own
/// type masks, which Swift cannot import as constants.
static inline int redbook_cmark_node_is_inline(cmark_node *node) {
    return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
}
#endif
