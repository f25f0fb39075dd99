#pragma once
// Workshop prompts for `delight brainstorm` (PRODUCT.md §4.1): the library built into the
// binary (resources/prompts.yaml) and the project's own `prompts`.
#include "delight/brainstorm.hpp"
#include "delight/diagnostic.hpp"
#include "delight/model.hpp"

#include <string_view>
#include <vector>

namespace delight::io {

/// Parses a prompt library: a YAML list of {text, kind?, touchpoint?, function?}. Throws
/// delight::Error (ExitCode::input) at the first problem; file names it in messages.
std::vector<Prompt> parse_prompts(std::string_view file, std::string_view yaml);

/// The built-in English library, resources/prompts.yaml (in library order).
std::vector<Prompt> builtin_prompts();

/// True for an English language tag: "en", "en-GB", "en_US" (case-insensitive).
bool is_english(std::string_view language);

/// The prompts for a project's workshop: its own first, then the built-in English library.
/// A project whose language is not English gets only its own prompts; when it has none, it
/// gets the built-in ones and a warning ("no prompts in language 'de'; using the built-in
/// English prompts") in warnings.
PromptLibrary prompt_library(const Project& project, Diagnostics& warnings);

} // namespace delight::io
