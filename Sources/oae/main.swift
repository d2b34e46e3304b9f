import OAECommands

OAE.runAndExit()
