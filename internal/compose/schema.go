package compose

// Schema names the configuration attributes and nested blocks of a data
// source (or block) body, and the attributes it computes: the names of
// TaskFields and ContainerFields. ecslint decodes data blocks with it.
type Schema struct {
	// Attributes are the names the configuration may set.
	Attributes []string
	// Computed are the names the data source computes.
	Computed []string
	// Blocks are the nested block types, each with its own schema.
	Blocks map[string]*Schema
}

// TaskSchema is the shape of ecskit_task_definition. The blocks are those of
// aws_ecs_task_definition, so ecslint uses them to read that resource in
// .tf.json too.
var TaskSchema = schemaOf(TaskFields)

// ContainerSchema is the shape of ecskit_container_definition: its nested
// values are attributes (objects and lists of objects), not blocks.
var ContainerSchema = schemaOf(ContainerFields)

func schemaOf(fields []*Field) *Schema {
	s := &Schema{}
	for _, f := range fields {
		switch {
		case f.IsBlock():
			if s.Blocks == nil {
				s.Blocks = map[string]*Schema{}
			}
			s.Blocks[f.Name] = schemaOf(f.Fields)
		case f.Computed:
			s.Computed = append(s.Computed, f.Name)
		default:
			s.Attributes = append(s.Attributes, f.Name)
		}
	}
	return s
}
