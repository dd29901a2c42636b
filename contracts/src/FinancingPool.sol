// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";

/// @notice One financing round for an operator of AI compute or robotics hardware: USDC in, pool shares out.
/// @dev First cut: a plain OpenZeppelin ERC-4626 vault. Capital deployment, real-yield distribution and
/// queued exits come with the protocol contracts.
contract FinancingPool is ERC4626 {
    enum Category {
        Compute,
        Robotics
    }

    Category public immutable category;
    string public metadataURI;

    /// @notice Emitted once, at deployment, with everything the indexer needs to list the pool.
    event PoolConfigured(address indexed asset, string name, string symbol, Category category, string metadataURI);

    constructor(IERC20 usdc, string memory name_, string memory symbol_, Category category_, string memory metadataURI_)
        ERC20(name_, symbol_)
        ERC4626(usdc)
    {
        category = category_;
        metadataURI = metadataURI_;
        emit PoolConfigured(address(usdc), name_, symbol_, category_, metadataURI_);
    }

    /// @dev Shares carry 12 more decimals than USDC (18 in all). The virtual shares and assets this adds make
    /// a first-depositor donation attack cost the attacker about 1e12 times what it steals.
    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }
}
