/* main.c: dondoc's entry point; everything else is in libdondoc. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
