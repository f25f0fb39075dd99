#include "command.hpp"

int main(int argc, char** argv) {
    return delight::cli::run(argc, argv);
}
