import OAECommands

await OAE.runAndExit()
