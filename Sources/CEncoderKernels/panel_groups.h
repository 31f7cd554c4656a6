#ifndef REDBOOK_PANEL_GROUPS_H
#define REDBOOK_PANEL_GROUPS_H

/// Copies `input`'s rows (tokens x width) into a buffer of the calling thread, in groups of
/// `per_group` tokens (the last may be shorter), each group k-major: the value of its token t at
/// k sits at group_start + k * group_size + t, and group g starts at g * per_group * width.
///
/// The panel kernels broadcast one value per token and step, and read them from one pointer so;
/// at most REDBOOK_PANEL_MAXIMUM_TOKENS tokens and REDBOOK_PANEL_MAXIMUM_WIDTH floats per row.
const float *redbook_group_inputs(int tokens, int width, const float *input, int per_group);

#endif
